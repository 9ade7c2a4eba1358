// Which document the editor opens on start: the one last opened in the workspace when it is still listed, else the
// first. The back end chooses it (startEditor), so that the workspace and that document come in one answer.

export function firstDocumentOf(documents: readonly { id: string }[], last: string | null): string | null {
  if (documents.length === 0) return null;
  // None remembered (a first visit): no look through the list (100,000 rows, on the way to the first paint).
  if (last === null) return documents[0].id;
  return (documents.find((d) => d.id === last) ?? documents[0]).id;
}
