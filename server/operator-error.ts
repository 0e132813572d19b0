/** A problem the operator can fix (bad option, wrong data folder, newer schema): printed as a message, not a stack. */
export class OperatorError extends Error {
  override name = 'OperatorError';
}
