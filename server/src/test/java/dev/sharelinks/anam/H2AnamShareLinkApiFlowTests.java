package dev.sharelinks.anam;

/** The flow on the embedded default database. */
class H2AnamShareLinkApiFlowTests extends AnamShareLinkApiFlowTests {}
