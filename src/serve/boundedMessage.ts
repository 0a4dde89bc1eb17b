/**
 * @module
 * Error messages of a bounded size: a message may quote the request (a field name, a key
 * the model does not know), and a request of a megabyte must not come back as one.
 */

/** The longest message an error body carries, in UTF-16 code units. */
export const maxMessageLength = 1000

/**
 * `message`, cut to `max` code units (never inside a surrogate pair) and saying how much was
 * left out.
 */
export function boundMessage(message: string, max: number = maxMessageLength): string {
  if (message.length <= max) return message
  let end = max
  const last = message.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${message.slice(0, end)}… (${message.length - end} more characters)`
}
