/**
 * Prints an exercise banner as the seed's `header`: a blank line, a rule of 72 `=`, the title, another rule.
 * Returns the printed text.
 *
 * @example
 * header("Exercise 1: MSE gradient"); // prints the banner
 */
export function header(title: string): string {
  const rule = "=".repeat(72);
  const text = `\n${rule}\n${title}\n${rule}`;
  console.log(text);
  return text;
}
