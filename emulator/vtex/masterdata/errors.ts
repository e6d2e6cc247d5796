/** An error the module turns into `{status, {"Message": message}}`, the shape Master Data answers with. */
export class MasterDataError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
    this.name = 'MasterDataError'
  }
}

export const badRequest = (message: string): MasterDataError => new MasterDataError(400, message)
