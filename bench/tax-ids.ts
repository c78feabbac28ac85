/** Distinct valid 13-digit juristic tax IDs for load runs: 0 + run tag + sequence + check digit. */
export function demoTaxIdFrom(run: number, sequence: number): string {
  const body = `0${String(run % 10)}${String(Date.now() % 10_000).padStart(4, '0')}${String(sequence).padStart(6, '0')}`.slice(0, 12);
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(body[i]) * (13 - i);
  return `${body}${(11 - (sum % 11)) % 10}`;
}
