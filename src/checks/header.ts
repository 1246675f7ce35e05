/**
 * Prints an exercise banner as the seed's `header`: a blank line, a rule of 72 `=`, the title, another rule.
 * Returns nothing (as the original returns None), so a notebook cell that ends with `header(…)` prints the banner once.
 *
 * @example
 * header("Exercise 1: MSE gradient"); // prints the banner
 */
export function header(title: string): void {
  const rule = "=".repeat(72);
  console.log(`\n${rule}\n${title}\n${rule}`);
}
