/**
 * The CLI's errors write their own messages from the facts they are given: each reason's code
 * and message, pinned as the call sites wrote them before the errors took their facts (the
 * command prints `message` and `code`, and scripts read them).
 */
import { describe, expect, it } from 'vitest'
import { CliError, CliUsageError } from '../../../src/cli/errors.js'

const errno = (code: string, message = `${code}: failed`) => Object.assign(new Error(message), { code })

describe('CliError', () => {
  it('default: each reason has its code and message', () => {
    expect(
      [
        new CliError({ reason: 'fileUnreadable', path: 'in.json', error: errno('ENOENT') }),
        new CliError({ reason: 'fileUnreadable', path: 'in.json', error: errno('EACCES', 'EACCES: permission denied, open') }),
        new CliError({ reason: 'fileUnwritable', path: 'out/vc.json', error: errno('ENOENT') }),
        new CliError({ reason: 'fileUnwritable', path: 'vc.json', error: errno('EACCES') }),
        new CliError({ reason: 'fileUnwritable', path: 'out', error: errno('EISDIR') }),
        new CliError({ reason: 'fileUnwritable', path: 'vc.json', error: errno('ENOSPC', 'ENOSPC: no space left on device') }),
        new CliError({ reason: 'fileNotJson', path: 'vc.json' }),
        new CliError({ reason: 'fileNotJson', path: '-' }),
        new CliError({ reason: 'fileNotObject', path: 'vc.json' }),
        new CliError({ reason: 'fileExists', path: '/keys/issuer.jwe' }),
        new CliError({ reason: 'backupExists', backup: '/keys/issuer.jwe.bak' }),
        new CliError({ reason: 'keyFileEncrypted', path: 'issuer.jwe', variable: 'MEDCRED_PASSPHRASE' }),
        new CliError({ reason: 'encryptPassphraseMissing', variable: 'MEDCRED_PASSPHRASE' }),
        new CliError({ reason: 'keyUnencrypted', variable: 'MEDCRED_PASSPHRASE' }),
        new CliError({ reason: 'keyType', path: 'ed.json', type: 'Ed25519' }),
        new CliError({ reason: 'issuerKeyMismatch', issuer: 'did:key:zUC7A', keyPath: 'key.json', controller: 'did:key:zUC7B' }),
        new CliError({ reason: 'issuerKeyMismatch', issuer: undefined, keyPath: 'key.json', controller: 'did:key:zUC7B' }),
        new CliError({ reason: 'credentialNotDerived', path: 'signed.json', kind: 'credential' }),
        new CliError({ reason: 'credentialNotDerived', path: 'vp.json', kind: 'presentation' }),
        new CliError({ reason: 'wrongList', path: 'list.json', listPurpose: 'suspension', command: 'revoke', purpose: 'revocation' }),
        new CliError({ reason: 'noStatus', path: 'vc.json' }),
        new CliError({ reason: 'contextConflict', url: 'https://example.org/v1', manifests: ['a/contexts.json', 'b/contexts.json'] }),
        new CliError({ reason: 'devnodeUnavailable', error: new Error('Cannot find module') }),
        new CliError({ reason: 'listenFailed', host: '127.0.0.1', port: 8080, error: errno('EADDRINUSE') }),
        new CliError({ reason: 'listenFailed', host: '127.0.0.1', port: 8080, error: errno('EACCES', 'listen EACCES: permission denied 127.0.0.1:80') }),
        new CliError({ reason: 'privateKeyMissing', variable: 'MEDCRED_PRIVATE_KEY' }),
        new CliError({ reason: 'privateKeyNotHex', variable: 'MEDCRED_PRIVATE_KEY' }),
        new CliError({ reason: 'privateKeyOutOfRange', variable: 'MEDCRED_PRIVATE_KEY' }),
        new CliError({ reason: 'chainUnreachable', rpcUrl: 'http://127.0.0.1:8545', error: new Error('fetch failed') }),
        new CliError({ reason: 'inputRejected', inputIndex: 3, report: { message: 'Deal 1 is closed.', code: 'ERR_VERIFIER_DEAL_CLOSED' } }),
        new CliError({ reason: 'inputRejected', inputIndex: 4, report: undefined }),
        new CliError({ reason: 'dealUnknown', dealId: 7n }),
        new CliError({ reason: 'dealClosed', dealId: 7n }),
        new CliError({ reason: 'inspectFailed', message: 'Unknown query.', code: 'ERR_VERIFIER_QUERY_UNKNOWN' }),
      ].map(({ code, reason, message }) => ({ code, reason, message })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "ERR_CLI_FILE_UNREADABLE",
          "message": "Cannot read in.json: no such file.",
          "reason": "fileUnreadable",
        },
        {
          "code": "ERR_CLI_FILE_UNREADABLE",
          "message": "Cannot read in.json: EACCES: permission denied, open.",
          "reason": "fileUnreadable",
        },
        {
          "code": "ERR_CLI_FILE_UNWRITABLE",
          "message": "Cannot write out/vc.json: its folder does not exist.",
          "reason": "fileUnwritable",
        },
        {
          "code": "ERR_CLI_FILE_UNWRITABLE",
          "message": "Cannot write vc.json: permission denied.",
          "reason": "fileUnwritable",
        },
        {
          "code": "ERR_CLI_FILE_UNWRITABLE",
          "message": "Cannot write out: it is a folder.",
          "reason": "fileUnwritable",
        },
        {
          "code": "ERR_CLI_FILE_UNWRITABLE",
          "message": "Cannot write vc.json: ENOSPC: no space left on device.",
          "reason": "fileUnwritable",
        },
        {
          "code": "ERR_CLI_FILE_NOT_JSON",
          "message": "vc.json is not valid JSON.",
          "reason": "fileNotJson",
        },
        {
          "code": "ERR_CLI_FILE_NOT_JSON",
          "message": "Standard input is not valid JSON.",
          "reason": "fileNotJson",
        },
        {
          "code": "ERR_CLI_FILE_NOT_OBJECT",
          "message": "vc.json must hold a JSON object.",
          "reason": "fileNotObject",
        },
        {
          "code": "ERR_CLI_FILE_EXISTS",
          "message": "/keys/issuer.jwe exists already: medcred does not overwrite a key file. Choose another --out, or pass --force to replace it (the old file is kept as /keys/issuer.jwe.bak).",
          "reason": "fileExists",
        },
        {
          "code": "ERR_CLI_BACKUP_EXISTS",
          "message": "--force keeps the file it replaces as /keys/issuer.jwe.bak, which exists already: move /keys/issuer.jwe.bak away first (medcred never deletes a key file).",
          "reason": "backupExists",
        },
        {
          "code": "ERR_CLI_PASSPHRASE_MISSING",
          "message": "issuer.jwe is encrypted: set MEDCRED_PASSPHRASE to its passphrase.",
          "reason": "keyFileEncrypted",
        },
        {
          "code": "ERR_CLI_PASSPHRASE_MISSING",
          "message": "--encrypt needs the passphrase in MEDCRED_PASSPHRASE.",
          "reason": "encryptPassphraseMissing",
        },
        {
          "code": "ERR_CLI_KEY_UNENCRYPTED",
          "message": "Refusing to write an unencrypted private key: set MEDCRED_PASSPHRASE to encrypt it, or pass --unencrypted to write it in the clear.",
          "reason": "keyUnencrypted",
        },
        {
          "code": "ERR_CLI_KEY_TYPE",
          "message": "ed.json holds an Ed25519 key; medcred serve issues with a Bls12381G2 key (bbs-2023).",
          "reason": "keyType",
        },
        {
          "code": "ERR_CLI_ISSUER_KEY_MISMATCH",
          "message": "The credential's issuer is did:key:zUC7A, but key.json is a key of did:key:zUC7B: sign with the issuer's key, or build the credential with "issuer": "did:key:zUC7B".",
          "reason": "issuerKeyMismatch",
        },
        {
          "code": "ERR_CLI_ISSUER_KEY_MISMATCH",
          "message": "The credential names no issuer, but key.json is a key of did:key:zUC7B: sign with the issuer's key, or build the credential with "issuer": "did:key:zUC7B".",
          "reason": "issuerKeyMismatch",
        },
        {
          "code": "ERR_CLI_CREDENTIAL_NOT_DERIVED",
          "message": "signed.json is a base (underived) bbs-2023 credential, as \`medcred issue\` writes it for the holder: derive it first (\`medcred derive --credential <signed.json> --reveal <path>... --challenge <challenge>\`) and verify the derived credential.",
          "reason": "credentialNotDerived",
        },
        {
          "code": "ERR_CLI_CREDENTIAL_NOT_DERIVED",
          "message": "vp.json presents a base (underived) bbs-2023 credential, as \`medcred issue\` writes it for the holder: derive it first (\`medcred derive --credential <signed.json> --reveal <path>... --challenge <challenge>\`) and verify the derived credential.",
          "reason": "credentialNotDerived",
        },
        {
          "code": "ERR_CLI_WRONG_LIST",
          "message": "list.json is a suspension list; revoke needs a revocation list.",
          "reason": "wrongList",
        },
        {
          "code": "ERR_CLI_NO_STATUS",
          "message": "vc.json has no credentialStatus entry.",
          "reason": "noStatus",
        },
        {
          "code": "ERR_CLI_CONTEXT_CONFLICT",
          "message": "a/contexts.json and b/contexts.json pin https://example.org/v1 differently; give it once.",
          "reason": "contextConflict",
        },
        {
          "code": "ERR_CLI_DEVNODE_UNAVAILABLE",
          "message": "medcred devnode runs from a clone of the medcred repository, with its dev dependencies installed (npm ci).",
          "reason": "devnodeUnavailable",
        },
        {
          "code": "ERR_CLI_LISTEN_FAILED",
          "message": "Cannot listen on 127.0.0.1:8080: the port is in use.",
          "reason": "listenFailed",
        },
        {
          "code": "ERR_CLI_LISTEN_FAILED",
          "message": "Cannot listen on 127.0.0.1:8080: listen EACCES: permission denied 127.0.0.1:80.",
          "reason": "listenFailed",
        },
        {
          "code": "ERR_CLI_PRIVATE_KEY_MISSING",
          "message": "Set MEDCRED_PRIVATE_KEY to the account's private key (32 bytes of hex).",
          "reason": "privateKeyMissing",
        },
        {
          "code": "ERR_CLI_PRIVATE_KEY_INVALID",
          "message": "MEDCRED_PRIVATE_KEY is not 32 bytes of 0x-prefixed hex.",
          "reason": "privateKeyNotHex",
        },
        {
          "code": "ERR_CLI_PRIVATE_KEY_INVALID",
          "message": "MEDCRED_PRIVATE_KEY is not a secp256k1 private key (it must be above 0 and below the curve order).",
          "reason": "privateKeyOutOfRange",
        },
        {
          "code": "ERR_CLI_CHAIN_UNREACHABLE",
          "message": "The chain at http://127.0.0.1:8545 does not answer.",
          "reason": "chainUnreachable",
        },
        {
          "code": "ERR_CLI_INPUT_REJECTED",
          "message": "The verifier rejected input 3: Deal 1 is closed. (ERR_VERIFIER_DEAL_CLOSED)",
          "reason": "inputRejected",
        },
        {
          "code": "ERR_CLI_INPUT_REJECTED",
          "message": "The verifier rejected input 4: no reason reported",
          "reason": "inputRejected",
        },
        {
          "code": "ERR_CLI_DEAL_UNKNOWN",
          "message": "The verifier has no deal 7.",
          "reason": "dealUnknown",
        },
        {
          "code": "ERR_CLI_DEAL_CLOSED",
          "message": "Deal 7 is closed.",
          "reason": "dealClosed",
        },
        {
          "code": "ERR_CLI_INSPECT_FAILED",
          "message": "The verifier refused the query: Unknown query. (ERR_VERIFIER_QUERY_UNKNOWN).",
          "reason": "inspectFailed",
        },
      ]
    `)
  })

  it('behavior: a reason with an error keeps it as the cause', () => {
    const error = errno('EADDRINUSE')
    expect(new CliError({ reason: 'listenFailed', host: '::', port: 1, error }).cause).toBe(error)
    expect(new CliError({ reason: 'noStatus', path: 'vc.json' }).cause).toBeUndefined()
  })
})

describe('CliUsageError', () => {
  it('default: each reason has its message, all ERR_CLI_USAGE', () => {
    const usage = [
      new CliUsageError({ reason: 'invalidValue', option: '--port', expected: 'a port number', value: '70000' }),
      new CliUsageError({ reason: 'notAddress', option: '--owner', value: '0x12' }),
      new CliUsageError({ reason: 'notHttpUrl', option: '--rpc-url', value: 'ftp://chain' }),
      new CliUsageError({ reason: 'exactlyOne', options: ['--credential', '--presentation'] }),
      new CliUsageError({ reason: 'together', options: ['--record', '--jwe-out'] }),
      new CliUsageError({ reason: 'needs', option: '--presentation', needed: '--challenge' }),
      new CliUsageError({ reason: 'privateKeyToStdout' }),
      new CliUsageError({ reason: 'trustSyntax', value: 'did:key:z=' }),
      new CliUsageError({ reason: 'fieldPath', path: 'a..b', error: new Error('empty segment in "a..b"') }),
      new CliUsageError({ reason: 'whereSyntax', text: 'age' }),
      new CliUsageError({ reason: 'whereNotNumber', text: 'age>=old' }),
      new CliUsageError({ reason: 'whereValue', text: 'age={"a":1}' }),
    ]
    expect(new Set(usage.map(({ code }) => code))).toEqual(new Set(['ERR_CLI_USAGE']))
    expect(usage.map(({ reason, message }) => ({ reason, message }))).toMatchInlineSnapshot(`
      [
        {
          "message": "--port must be a port number, not "70000".",
          "reason": "invalidValue",
        },
        {
          "message": "--owner "0x12" is not an address.",
          "reason": "notAddress",
        },
        {
          "message": "--rpc-url "ftp://chain" is not an http(s) URL.",
          "reason": "notHttpUrl",
        },
        {
          "message": "Give exactly one of --credential and --presentation.",
          "reason": "exactlyOne",
        },
        {
          "message": "--record and --jwe-out go together.",
          "reason": "together",
        },
        {
          "message": "--presentation needs --challenge.",
          "reason": "needs",
        },
        {
          "message": "--out must name a file: a private key is not printed.",
          "reason": "privateKeyToStdout",
        },
        {
          "message": "--trust takes a DID, optionally =Type,Type; got "did:key:z=".",
          "reason": "trustSyntax",
        },
        {
          "message": ""a..b" is not a field path: empty segment in "a..b"",
          "reason": "fieldPath",
        },
        {
          "message": "--where "age" is not path=value, path>=n, path<=n or path=[values].",
          "reason": "whereSyntax",
        },
        {
          "message": "--where "age>=old" compares with a number.",
          "reason": "whereNotNumber",
        },
        {
          "message": "--where "age={"a":1}": values are strings, numbers or booleans.",
          "reason": "whereValue",
        },
      ]
    `)
  })
})
