/**
 * Which tables each action may change. An accepted input that changes any other table is an
 * invariant violation; a new action declares its tables here, one line. `deposit` is an input
 * from a portal (not an envelope action).
 */
export const actionTables: Readonly<Record<string, readonly string[]>> = {
  accreditIssuer: ['issuers', 'issuer_credential_types', 'issuer_keys', 'status_lists'],
  withdrawIssuer: ['issuers'],
  rotateIssuerKeys: ['issuer_keys'],
  setCredentialStatus: ['status_lists', 'credential_status_chunks'],
  submitPresentation: ['used_nonces', 'verdicts'],
  deposit: ['balances'],
  createDeal: ['deals', 'balances'],
  fundDeal: ['deals', 'balances'],
  submitToDeal: ['deals', 'deal_approvals'],
  closeDeal: ['deals'],
  withdraw: ['balances'],
}

/** The inputs whose outputs (approval notices, payment vouchers) test/fuzz/dealInvariants.ts checks. */
export const dealActions: ReadonlySet<string> = new Set(['deposit', 'createDeal', 'fundDeal', 'submitToDeal', 'closeDeal', 'withdraw'])
