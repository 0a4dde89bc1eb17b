/**
 * Which tables each action may change. An accepted input that changes any other table is an
 * invariant violation; a new action (data deals, codes 16+) declares its tables here, one line.
 */
export const actionTables: Readonly<Record<string, readonly string[]>> = {
  accreditIssuer: ['issuers', 'issuer_credential_types', 'issuer_keys', 'status_lists'],
  withdrawIssuer: ['issuers'],
  rotateIssuerKeys: ['issuer_keys'],
  setCredentialStatus: ['status_lists', 'credential_status_chunks'],
  submitPresentation: ['used_nonces', 'verdicts'],
}
