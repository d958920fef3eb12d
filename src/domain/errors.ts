/**
 * A refusal the user should read: `code` names a message in locales/ (`error-<code>`), `args` fill it.
 * Services throw it for bad input or a forbidden step; handlers turn it into a localized answer.
 */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
