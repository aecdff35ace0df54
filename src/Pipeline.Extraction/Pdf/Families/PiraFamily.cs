using System.Text.RegularExpressions;
using Pipeline.Core.Chambers;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families;

/// <summary>
/// PIRA ("Piano degli indicatori e dei risultati attesi di bilancio", D.Lgs. 91/2011): missione → programma di
/// spesa → obiettivo cards. Each card is a three-column grid: a left column of row groups (Missione, Programma di
/// spesa, Obiettivo, Indicatore), a middle column of field labels (Titolo, Descrizione, …, KPI, Algoritmo di
/// calcolo, Valori osservati, Risultati attesi, Fonte dei dati) and a value column.
/// </summary>
/// <remarks>
/// The columns are found row by row from the words, not fixed positions (cards of one document may differ): a row
/// label is a word of the label vocabulary that starts a cell left of the value column; the value column is where
/// the value after a label row starts (after the column gap). A card field runs from its label row until the next
/// label; wrapped labels ("ALGORITMO DI" / "CALCOLO") continue the field, text that runs across the value column
/// without a gap (prose, signatures) ends it. "Valori osservati" becomes the baseline (raw), "Risultati attesi"
/// the per-year targets (<see cref="TargetExpression"/>), "Fonte dei dati" the source system.
/// </remarks>
public sealed partial class PiraFamily : IPdfFamily
{
    public string Name => "pira";

    public double Recognise(PdfLayout layout)
    {
        int observed = 0, expected = 0, programmes = 0, targets = 0;
        var title = false;
        foreach (var line in layout.Lines)
        {
            var key = TextKey.Normalize(line.Text);
            if (key.Contains("valori osservati", StringComparison.Ordinal)) observed++;
            if (key.StartsWith("risultati attesi", StringComparison.Ordinal)) expected++;
            if (key.StartsWith("programma di", StringComparison.Ordinal)) programmes++;
            if (TargetYear().Matches(line.Text).Count >= 2) targets++;
            if (key.Contains("piano degli indicatori e dei risultati attesi", StringComparison.Ordinal)) title = true;
        }
        var score = 0.0;
        if (observed >= 2) score += 0.25;
        if (expected >= 2 && targets >= 2) score += 0.25;
        if (programmes >= 1 && observed >= 2) score += 0.2;
        if (title) score += 0.2;
        return Math.Min(0.95, score);
    }

    public ExtractedDocument Extract(PdfLayout layout, CancellationToken ct)
    {
        var reader = new Reader(layout);
        reader.Read(ct);
        var allText = string.Join('\n', layout.Lines.Take(200).Select(l => l.Text));
        var years = reader.Years;
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = "", Sha256 = "", Format = "pdf", Family = Name,
                Chamber = ChamberResolver.FindInText(allText)?.Name,
                DocType = "pira",
                PeriodFrom = years.Count > 0 ? years.Min() : null,
                PeriodTo = years.Count > 0 ? years.Max() : null,
            },
            Objectives = reader.Objectives,
            Kpis = reader.Kpis,
            Warnings = reader.Warnings,
        };
    }

    [GeneratedRegex(@"\bTarget\s+(20\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TargetYear();

    [GeneratedRegex(@"^\(\s*([A-Z]{1,3}\s*\d{1,2}(?:\.\d+)*)\s*\)\s*")]
    private static partial Regex ObjectiveCode();

    [GeneratedRegex(@"^KPI\w*\s*\d+", RegexOptions.IgnoreCase)]
    private static partial Regex KpiCode();

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex MissionCode();

    private enum Field { None, Title, Description, Period, Stakeholders, Responsible, Resources, KpiName, KpiLabel, Algorithm, Observed, Expected, Source, Other }

    private sealed class KpiDraft
    {
        public string? Code;
        public string Name = "";
        public string Algorithm = "";
        public string Observed = "";
        public string Expected = "";
        public string Source = "";
        public int Page;
        public List<double> Box = [];
        public int ExpectedPage;
        public List<double> ExpectedBox = [];
        public int Objective;
    }

    private sealed class ObjectiveDraft
    {
        public string Title = "";
        public string Responsible = "";
        public string? Mission;
        public int Page;
        public List<double> Box = [];
    }

    private sealed class Reader(PdfLayout layout)
    {
        private readonly List<ObjectiveDraft> objectives = [];
        private readonly List<KpiDraft> kpis = [];
        public List<string> Warnings { get; } = [];
        public List<ExtractedObjective> Objectives { get; } = [];
        public List<ExtractedKpi> Kpis { get; } = [];
        public HashSet<int> Years { get; } = [];

        private double valueX, labelX;
        private string? mission;
        private bool inCards;
        private Field field = Field.None;
        private string leftGroup = "";

        public void Read(CancellationToken ct)
        {
            // Columns are taken row by row (cards of one document may have different widths).
            valueX = double.MaxValue;
            labelX = 0;
            foreach (var line in layout.Lines)
            {
                ct.ThrowIfCancellationRequested();
                ReadLine(line);
            }
            Build();
        }

        private static bool Starts(string key, params string[] prefixes) => prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));

        private static Field LabelField(string key)
        {
            if (Starts(key, "titolo")) return Field.Title;
            if (Starts(key, "descrizione")) return Field.Description;
            if (Starts(key, "arco temporale")) return Field.Period;
            if (Starts(key, "portatori")) return Field.Stakeholders;
            if (Starts(key, "centro")) return Field.Responsible;
            if (Starts(key, "risorse")) return Field.Resources;
            if (key == "indicatore" || Regex.IsMatch(key, @"^kpi\w*( \d+)?\b")) return Field.KpiName;
            if (Starts(key, "algoritmo")) return Field.Algorithm;
            if (Starts(key, "arco")) return Field.Period;
            if (Starts(key, "valori osservati", "valore osservat", "valori", "baseline")) return Field.Observed;
            if (Starts(key, "risultati attesi", "risultati")) return Field.Expected;
            if (Starts(key, "fonte", "fonti")) return Field.Source;
            return Field.None;
        }

        /// <summary>A word without HTML leftovers.</summary>
        private static string T(PdfWord w) => TextKey.Clean(w.Text);

        /// <summary>Words that open a row group in the left column of the cards.</summary>
        private static bool IsGroupWord(string key) => key is "obiettivo" or "indicatore" or "missione" or "programma";

        private static bool IsLabelWord(string key) =>
            LabelField(key) != Field.None || Starts(key, "arco", "portatori", "centro", "algoritmo", "valori", "valore", "risultati", "fonte", "fonti");

        private void ReadLine(LayoutLine line)
        {
            var words = line.Words;
            var whole = TextKey.Normalize(line.Text);
            var firstKey = TextKey.Normalize(words[0].Text);

            // Missione / Programma di spesa rows: the mission code, the programme title (ignored).
            if (firstKey == "missione")
            {
                leftGroup = "missione";
                mission = words.Select(w => T(w).Trim('-', '–', ' ')).FirstOrDefault(t => MissionCode().IsMatch(t)) ?? mission;
                field = Field.None;
                return;
            }
            if (firstKey == "programma")
            {
                leftGroup = "programma";
                field = Field.None;
                return;
            }
            var previousValueX = valueX;
            if (IsGroupWord(firstKey)) valueX = double.MaxValue;

            // The label of the row: the first label word that starts a cell (first word, or after a gap), left of the values.
            var labelAt = -1;
            for (var i = 0; i < words.Count; i++)
            {
                var key = TextKey.Normalize(words[i].Text);
                if (!IsLabelWord(key)) continue;
                var cellStart = i == 0 || words[i].X0 - words[i - 1].X1 > 0.6 * Math.Max(words[i].Height, 4);
                var leftOfValues = words[i].X0 < valueX - 1 || words[i].X0 <= labelX + 12;
                if (!cellStart || !leftOfValues) continue;
                // "INDICATORE | KPI …": the row-group word is followed by the real label.
                // A label word in the value column of the card ("INDICATORE | KPISTD 166 (…)") is the value.
                if (key == "indicatore" && words.Skip(i + 1).Any(w => IsLabelWord(TextKey.Normalize(w.Text)) && w.X0 < Math.Min(valueX, previousValueX) - 1)) continue;
                labelAt = i;
                break;
            }
            // A row-group word alone (wrapped "INDICATORE" of a card whose label sits on the row below).
            var left = (labelAt < 0 ? words.Where(w => w.X0 < labelX) : words.Take(labelAt)).ToList();
            var leftKey = TextKey.Normalize(string.Join(' ', left.Select(w => w.Text)));

            if (left.Count > 0)
            {
                if (Starts(leftKey, "obiettivo")) leftGroup = "obiettivo";
                else if (Starts(leftKey, "indicatore")) leftGroup = "indicatore";
                else if (leftGroup == "missione" && left.Any(w => MissionCode().IsMatch(T(w))))
                {
                    mission = T(left.First(w => MissionCode().IsMatch(T(w))));
                    return;
                }
                else if (leftGroup == "programma") return;
                else if (leftGroup == "obiettivo" && inCards) { /* objective activity codes wrapped in the left column */ }
                else
                {
                    // Text starting in the row-group column that is no card row: prose, signatures.
                    field = Field.None;
                    leftGroup = "";
                    return;
                }
            }
            else if (leftGroup == "programma" && labelAt < 0)
                return; // programme title wrapped in the value columns

            List<PdfWord> value;
            if (labelAt >= 0)
            {
                var rest = words.Skip(labelAt).ToList();
                var label = LabelField(TextKey.Normalize(string.Join(' ', rest.Select(w => w.Text))));
                if (label == Field.None) label = LabelField(TextKey.Normalize(rest[0].Text));
                if (label == Field.Title) { inCards = true; StartObjective(line); }
                if (!inCards) return;
                labelX = rest[0].X0 - 8;
                var n = CountLabelWords(rest, label);
                value = rest.Skip(n).ToList();
                if (label == Field.KpiName) StartKpi(line, rest.Take(n).ToList());
                field = label;
                if (value.Count > 0)
                {
                    // Label words wrapped inside the label cell ("KPISTD 76 (Qualità/accessibilità") end at the column gap.
                    var gap = Enumerable.Range(1, Math.Max(0, value.Count - 1))
                        .FirstOrDefault(i => value[i].X0 - value[i - 1].X1 > 1.5 * Math.Max(value[i].Height, 4));
                    var separated = value[0].X0 - rest[n - 1].X1 > 1.5 * Math.Max(value[0].Height, 4);
                    if (!separated && gap > 0 && label == Field.KpiName) { value = value.Skip(gap).ToList(); separated = true; }
                    if (separated || value[0].X0 - 3 < valueX) valueX = value[0].X0 - 3;
                }
            }
            else
            {
                if (!inCards) return;
                value = words.Where(w => w.X0 >= valueX).ToList();
                var before = words.Where(w => w.X0 < valueX).ToList();
                if (value.Count > 0 && before.Count > 0 && value[0].X0 - before[^1].X1 < 0.6 * Math.Max(value[0].Height, 4))
                {
                    field = Field.None; // running text across the value column: not a card row
                    return;
                }
            }

            if (value.Count == 0) return;
            Append(line, string.Join(' ', value.Select(w => w.Text)), value);
        }

        /// <summary>Full label phrases of the card rows, to tell label words from value words merged into one block.</summary>
        private static readonly string[] LabelPhrases =
        [
            "titolo", "descrizione", "arco temporale di realizzazione", "portatori d'interesse", "portatori di interesse",
            "centro di responsabilita'", "centro di responsabilita", "risorse economiche", "algoritmo di calcolo",
            "valori osservati", "valore osservato", "baseline", "risultati attesi", "target", "fonte dei dati", "fonti dei dati",
            "fonte dati", "fonte",
        ];

        private static int CountLabelWords(List<PdfWord> mid, Field label)
        {
            if (label == Field.KpiName)
                return mid.Count > 1 && Regex.IsMatch(T(mid[1]), @"^\d+$") ? 2 : Math.Min(1, mid.Count);
            // The label is the longest run of leading words that is the start of a label phrase (any case).
            var n = 0;
            for (var k = 1; k <= mid.Count; k++)
            {
                var key = TextKey.Normalize(string.Join(' ', mid.Take(k).Select(w => w.Text)));
                if (LabelPhrases.Any(p => p == key || p.StartsWith(key + " ", StringComparison.Ordinal))) n = k;
                else break;
            }
            return Math.Max(n, 1);
        }

        private void StartObjective(LayoutLine line)
        {
            objectives.Add(new ObjectiveDraft { Mission = mission, Page = line.Page, Box = [.. line.Bbox] });
        }

        private void StartKpi(LayoutLine line, List<PdfWord> mid)
        {
            if (objectives.Count == 0) return;
            var draft = new KpiDraft { Objective = objectives.Count - 1, Page = line.Page, Box = [.. line.Bbox] };
            var labelText = string.Join(' ', mid.Select(T));
            if (KpiCode().Match(labelText) is { Success: true } m) draft.Code = m.Value.Trim();
            kpis.Add(draft);
        }

        private void Append(LayoutLine line, string text, List<PdfWord> words)
        {
            static string Join(string a, string b) => a.Length == 0 ? b : a + " " + b;
            var box = new List<double> { words.Min(w => w.X0), words.Min(w => w.Y0), words.Max(w => w.X1), words.Max(w => w.Y1) };
            var objective = objectives.Count > 0 ? objectives[^1] : null;
            var kpi = kpis.Count > 0 && kpis[^1].Objective == objectives.Count - 1 ? kpis[^1] : null;
            switch (field)
            {
                case Field.Title when objective is not null:
                    objective.Title = Join(objective.Title, text); Grow(objective.Box, box, objective.Page, line.Page); break;
                case Field.Responsible when objective is not null:
                    objective.Responsible = Join(objective.Responsible, text); break;
                case Field.KpiName when kpi is not null:
                    kpi.Name = Join(kpi.Name, text); Grow(kpi.Box, box, kpi.Page, line.Page); break;
                case Field.Algorithm when kpi is not null:
                    kpi.Algorithm = Join(kpi.Algorithm, text); break;
                case Field.Observed when kpi is not null:
                    kpi.Observed = Join(kpi.Observed, text); break;
                case Field.Expected when kpi is not null:
                    if (kpi.Expected.Length == 0) { kpi.ExpectedPage = line.Page; kpi.ExpectedBox = box; }
                    kpi.Expected = Join(kpi.Expected, text); break;
                case Field.Source when kpi is not null:
                    kpi.Source = Join(kpi.Source, text); break;
            }
        }

        private static void Grow(List<double> box, List<double> more, int page, int morePage)
        {
            if (page != morePage) return;
            box[0] = Math.Min(box[0], more[0]); box[1] = Math.Min(box[1], more[1]);
            box[2] = Math.Max(box[2], more[2]); box[3] = Math.Max(box[3], more[3]);
        }

        private static string? Clean(string text)
        {
            var t = TextKey.Clean(text).Trim();
            return t.Length == 0 ? null : t;
        }

        private void Build()
        {
            for (var i = 0; i < objectives.Count; i++)
            {
                var o = objectives[i];
                var title = Clean(o.Title) ?? "";
                string? code = null;
                if (ObjectiveCode().Match(title) is { Success: true } m)
                {
                    code = Regex.Replace(m.Groups[1].Value, @"\s+", "");
                    title = title[m.Length..].Trim();
                }
                Objectives.Add(new ExtractedObjective
                {
                    Id = $"o{i + 1}", Code = code, Level = "strategic", Title = title,
                    OrgUnits = Clean(o.Responsible) is { } r ? [r] : [],
                    Mission = o.Mission, Programme = null,
                    Source = SourceRef.ForPage(o.Page, o.Box),
                });
            }
            var n = 0;
            foreach (var k in kpis)
            {
                var name = Clean(k.Name) ?? "";
                var code = k.Code;
                if (KpiCode().Match(name) is { Success: true } m)
                {
                    code ??= Regex.Replace(m.Value, @"\s+", " ").Trim();
                    var rest = name[m.Length..].Trim().Trim('(', ')').Trim();
                    if (rest.Length > 0 && name.TrimEnd().EndsWith(')') && name[m.Length..].TrimStart().StartsWith('(')) name = rest;
                }
                if (name.Length > 2 && name[0] == '(' && name[^1] == ')' && name.IndexOf(')') == name.Length - 1) name = name[1..^1].Trim();
                if (name.Length == 0) { Warnings.Add($"page {k.Page}: KPI without a name skipped"); continue; }
                var source = SourceRef.ForPage(k.ExpectedPage == 0 ? k.Page : k.ExpectedPage, k.ExpectedBox.Count == 4 ? k.ExpectedBox : k.Box);
                var targets = new List<ExtractedTarget>();
                foreach (var t in TargetExpression.Parse(k.Expected))
                {
                    if (t.Period is null) continue;
                    if (int.TryParse(t.Period[..4], out var y)) Years.Add(y);
                    targets.Add(new ExtractedTarget(t.Period, t, source));
                }
                var observed = Clean(k.Observed);
                RawNumber? baseline = null;
                if (observed is not null && observed.Trim('\'', '-', '’', '–', ' ').Length > 0)
                    baseline = new RawNumber(observed, ItalianNumber.Parse(observed)?.Value);
                Kpis.Add(new ExtractedKpi
                {
                    Id = $"k{++n}", Objective = $"o{k.Objective + 1}", Code = code, Name = name,
                    Algorithm = Clean(k.Algorithm), SourceSystem = Clean(k.Source),
                    Unit = targets.Select(t => t.Value.Unit).FirstOrDefault(u => u is not null),
                    Baseline = baseline, Targets = targets,
                    Source = SourceRef.ForPage(k.Page, k.Box),
                });
            }
        }
    }
}
