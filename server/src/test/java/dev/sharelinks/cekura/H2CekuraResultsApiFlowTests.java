package dev.sharelinks.cekura;

/** The Cekura flow on the embedded default database. */
class H2CekuraResultsApiFlowTests extends CekuraResultsApiFlowTests {}
