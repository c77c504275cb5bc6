package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedbed.testing.ProjectFiles;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {
  @Test
  void splitsAtLineEndSemicolonsAndDropsComments() {
    List<String> s = Schema.statements("-- header\nCREATE TABLE a (x int);\n\nCREATE INDEX i\n  ON a (x);\n");
    assertThat(s).containsExactly("CREATE TABLE a (x int)", "CREATE INDEX i\n  ON a (x)");
  }

  @Test
  void keepsADollarQuotedDoBlockWhole() {
    String script = String.join("\n",
        "DO $$",
        "BEGIN",
        "  -- inside the block: kept",
        "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'r') THEN",
        "    CREATE ROLE r NOLOGIN;",
        "  END IF;",
        "END",
        "$$;",
        "GRANT SELECT ON t TO r;");
    assertThat(Schema.statements(script)).containsExactly(
        "DO $$\nBEGIN\n  -- inside the block: kept\n"
            + "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'r') THEN\n"
            + "    CREATE ROLE r NOLOGIN;\n  END IF;\nEND\n$$",
        "GRANT SELECT ON t TO r");
  }

  @Test
  void aOneLineDollarQuoteDoesNotOpenABlock() {
    assertThat(Schema.statements("DO $$ BEGIN PERFORM 1; END $$;\nSELECT 2;"))
        .containsExactly("DO $$ BEGIN PERFORM 1; END $$", "SELECT 2");
  }

  @Test
  void anUnclosedDollarQuoteIsRefused() {
    assertThatThrownBy(() -> Schema.statements("DO $$\nBEGIN\n"))
        .hasMessageContaining("ends inside a $$-quoted block");
  }

  @Test
  void theShippedSchemaHasTheRoleBlockAsOneStatement() throws Exception {
    List<String> s = Schema.statements(Files.readString(ProjectFiles.path("config/schema.sql")));
    assertThat(s).filteredOn(x -> x.startsWith("DO $$")).hasSize(1).first().asString()
        .contains("CREATE ROLE seedbed_writer NOLOGIN;", "CREATE ROLE seedbed_reader NOLOGIN;");
  }
}
