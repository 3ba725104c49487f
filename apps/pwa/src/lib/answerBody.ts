/**
 * The JSON body of a server's answer, or null when it has none or is not JSON (a proxy's or a
 * captive portal's HTML error page): the caller then names the failure by the answer's status.
 */
export async function answerBody<T>(response: Response): Promise<T | null> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    // Not JSON: told by the status, as the doc comment says.
    return null;
  }
}
