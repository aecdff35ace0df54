namespace Pipeline.Samples.Pdf;

/// <summary>A block of a simple document: a heading, a paragraph, or a table (rows of cells).</summary>
public abstract record DocumentBlock;

public sealed record HeadingBlock(string Text, int Level) : DocumentBlock;

public sealed record ParagraphBlock(string Text) : DocumentBlock;

public sealed record TableBlock(IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

public enum CellAlignment
{
    Top,
    Middle,
    Bottom,
}

/// <summary>How a document is laid out on paper: the variations real chamber PDFs show.</summary>
public sealed record PdfStyle
{
    public string Font { get; init; } = "Helvetica";
    public double FontSize { get; init; } = 9;
    public bool Landscape { get; init; }
    public bool Borders { get; init; } = true;
    /// <summary>Repeated at the top of every page ("Piano della Performance 2021-2023").</summary>
    public string? RunningHeader { get; init; }
    /// <summary>Adds "Pagina N di M" at the bottom of every page.</summary>
    public bool PageNumbers { get; init; }
    /// <summary>Fraction of the text width tables may use (0.6 = narrow columns that wrap more).</summary>
    public double TableWidth { get; init; } = 1.0;
    public double Margin { get; init; } = 50;
    /// <summary>Where a cell's lines sit when a neighbour in its row has more lines.</summary>
    public CellAlignment CellAlignment { get; init; } = CellAlignment.Top;
    /// <summary>Space between a cell's text and its edges, in points (0: rows apart only by leading, as Excel exports).</summary>
    public double CellPadding { get; init; } = 3;
    /// <summary>Line pitch as a multiple of the font size (1.15 tight, 1.3 usual, 1.6 loose).</summary>
    public double Leading { get; init; } = 1.3;
    /// <summary>Only horizontal rules between table rows (no vertical ones), when <see cref="Borders"/> is on.</summary>
    public bool HorizontalRulesOnly { get; init; }
    /// <summary>A row that does not fit at the bottom of a page breaks there, its cells going on at the top of the
    /// next page (word processors' "allow row to break across pages"); otherwise the whole row moves.</summary>
    public bool SplitRowsAcrossPages { get; init; }
    /// <summary>A table's first row is repeated at the top of each page the table continues on.</summary>
    public bool RepeatHeaderRow { get; init; }
    /// <summary>
    /// Whether a table right after another with as many columns goes on in its grid (the rest of a table the original
    /// broke at a page). Off, every table is sized to its own content, as a browser sizes each HTML table.
    /// </summary>
    public bool ContinuedTablesKeepGrid { get; init; } = true;

    public static readonly string[] Fonts = ["Helvetica", "Times-Roman", "Courier"];
}
