/** Why a file could not be read as a Word document. */
export type DocxErrorCode =
  | 'not-zip'
  | 'corrupt'
  | 'encrypted'
  | 'legacy-doc'
  | 'too-large'
  | 'macros'
  | 'not-docx';

/** A .docx that cannot be read: `message` is one line a person can act on. */
export class DocxError extends Error {
  constructor(
    readonly code: DocxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocxError';
  }
}
