/**
 * @module
 * Draws a presentation as one QR code, or says plainly why it cannot.
 */
import QRCode from 'qrcode'

/** The largest byte payload of one QR code: version 40 at error correction level L. */
export const qrCodeCapacityBytes = 2953

/** What was drawn: a code of some version, or nothing and the reason. */
export type QrCodeOutcome =
  | { drawn: true; bytes: number; version: number }
  | { drawn: false; bytes: number; reason: string }

/**
 * Draws `text` on `canvas` as a single QR code with low error correction (the most room).
 *
 * A bbs-2023 presentation of a vaccination certificate is about 2 KB, a version 30-35 code:
 * dense, fine on a screen held to a scanner, poor on paper or small displays.
 *
 * @param canvas - where to draw
 * @param text - the presentation JSON
 * @returns {@link QrCodeOutcome}; never throws for a too large text
 */
export async function renderQrCode(canvas: HTMLCanvasElement, text: string): Promise<QrCodeOutcome> {
  const bytes = new TextEncoder().encode(text).length
  if (bytes > qrCodeCapacityBytes) {
    return { drawn: false, bytes, reason: `The presentation is ${bytes} bytes; one QR code holds at most ${qrCodeCapacityBytes}. Send the JSON instead.` }
  }
  const options = { errorCorrectionLevel: 'L', margin: 2 } as const
  const { version } = QRCode.create(text, options)
  await QRCode.toCanvas(canvas, text, { ...options, width: Math.min(560, canvas.parentElement?.clientWidth ?? 560) })
  return { drawn: true, bytes, version }
}
