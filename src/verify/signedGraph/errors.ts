import { MedcredError } from '../../errors/MedcredError.js'

/** The signed statements do not form one credential medcred can read. */
export class SignedGraphError extends MedcredError {
  override name = 'SignedGraphError'
  constructor(reason: string) {
    super('ERR_VERIFY_CREDENTIAL_MALFORMED', `The credential is malformed: ${reason}.`)
  }
}
