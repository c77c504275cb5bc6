package io.seedbed.pool;

import io.seedbed.ledger.IncidentFact;
import java.io.Serializable;
import java.util.Set;

/**
 * Which incident facts count as disqualifying: a fact type and, optionally, the categories and
 * severities that qualify (an empty set means any). A fact without a severity always matches the
 * severity test, because its feed has no severity and every such fact disqualifies.
 */
public record IncidentMatcher(String type, Set<String> categories, Set<String> severities)
    implements Serializable {

  public IncidentMatcher {
    categories = Set.copyOf(categories);
    severities = Set.copyOf(severities);
  }

  public boolean matches(IncidentFact f) {
    return type.equals(f.type)
        && (categories.isEmpty() || (f.category != null && categories.contains(f.category)))
        && (severities.isEmpty() || f.severity == null || severities.contains(f.severity));
  }
}
