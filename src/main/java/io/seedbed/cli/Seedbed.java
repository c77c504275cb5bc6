package io.seedbed.cli;

public final class Seedbed {
  public static void main(String[] args) {}
}
