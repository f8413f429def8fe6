/** Bytes to and from base64, the form file contents take in the `fairword/fs/*` messages (no Buffer: runs in a browser too). */

/** `bytes` as base64. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a whole large file into one call would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes that base64 `text` stands for. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
