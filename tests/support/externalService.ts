/**
 * Tests against a service of this machine (PostgreSQL, Redis): reachable → run; unreachable →
 * skip with a message saying so, except under CI=true, where a missing service is a failure
 * (CI machines of this kind run them).
 */
export async function serviceReachable(
  name: string,
  where: string,
  probe: () => Promise<void>,
): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (err) {
    const message = `${name} at ${where} is not reachable (${(err as Error).message})`;
    if (process.env.CI === 'true') throw new Error(`${message}: CI must run the ${name} tests`);
    console.warn(`${message}: skipping the ${name} tests`);
    return false;
  }
}
