/**
 * Escapes text for an XML attribute or element (JUnit reports): drops the control characters XML 1.0 forbids and
 * escapes `& < > "`.
 */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
