// Ids from a path or a form: a positive whole number as we write it, else null (answered 404 or refused
// with a message, never passed on to a query).
export const idOf = (s: string | undefined): number | null => (s && /^[1-9]\d{0,9}$/.test(s) ? Number(s) : null);
