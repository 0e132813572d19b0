import type { z } from 'zod';

/** `method<Answer>()(schema)`: curried so the request schema's type is inferred and the answer's is given. */
export function method<Response>() {
  return <Request extends z.ZodType>(request: Request) => ({ request, response: undefined as unknown as Response });
}
