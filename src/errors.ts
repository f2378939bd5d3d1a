/**
 * The one error type the connector raises on purpose. `failureType` is the Airbyte
 * failure_type; `message` is shown to users (one line, actionable); `internalMessage`
 * carries detail for the logs. Neither ever holds the API key (see secrets.ts).
 */
export type FailureType = 'config_error' | 'system_error' | 'transient_error';

export class ConnectorError extends Error {
  readonly failureType: FailureType;
  readonly internalMessage: string | undefined;

  constructor(failureType: FailureType, message: string, internalMessage?: string) {
    super(message);
    this.name = 'ConnectorError';
    this.failureType = failureType;
    this.internalMessage = internalMessage;
  }
}

export const configError = (message: string, internal?: string): ConnectorError =>
  new ConnectorError('config_error', message, internal);

/** Any thrown value as a ConnectorError; unknown errors are system errors. */
export function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError('system_error', `Unexpected error: ${message}`, error instanceof Error ? error.stack : undefined);
}
