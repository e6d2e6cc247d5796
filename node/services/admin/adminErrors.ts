import { AppError } from '../../errors'

/**
 * A request the admin API cannot serve as asked (bad filter, page past the search window, an
 * action the shipment does not allow). Permanent: the route boundary answers 400 with `reason`.
 */
export class AdminRequestError extends AppError {
  public readonly transient = false

  constructor(
    public readonly reason: string,
    message: string
  ) {
    super(message)
  }
}
