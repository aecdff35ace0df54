namespace Pipeline.Warehouse.Archive;

/// <summary>
/// One archived content (a row of <c>source_archive</c> whose bytes are there): its sha256, size and media type, the
/// name it was first loaded under, when it was stored, and where — <see cref="Store"/> "database" (PostgreSQL's
/// <c>source_chunk</c>) or "folder", <see cref="Location"/> the file's path or the database.
/// </summary>
public sealed record ArchiveEntry(
    string Sha256, long SizeBytes, string MediaType, string FileName, DateTimeOffset StoredAt, string Store, string Location)
{
    /// <summary>The bytes are a reviewed extraction's JSON (ingested in place of its document), not an original document.</summary>
    public bool IsExtractionJson => MediaType == ArchiveMediaTypes.Json;
}
