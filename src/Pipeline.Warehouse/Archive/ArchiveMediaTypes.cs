namespace Pipeline.Warehouse.Archive;

/// <summary>The media type an archived file is recorded (and served) with, from the extension it was loaded under.</summary>
public static class ArchiveMediaTypes
{
    public const string Json = "application/json";

    public static string Of(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xlsm" => "application/vnd.ms-excel.sheet.macroEnabled.12",
        ".xls" => "application/vnd.ms-excel",
        ".json" => Json,
        ".csv" => "text/csv",
        ".tsv" => "text/tab-separated-values",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
