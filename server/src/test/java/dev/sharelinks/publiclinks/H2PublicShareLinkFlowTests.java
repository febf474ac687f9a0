package dev.sharelinks.publiclinks;

/** Working links on the embedded default database. */
class H2PublicShareLinkFlowTests extends PublicShareLinkFlowTests {}
