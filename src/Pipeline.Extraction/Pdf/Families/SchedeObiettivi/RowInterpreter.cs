using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.SchedeObiettivi.SchedeValues;
using static Pipeline.Extraction.Pdf.Families.SchedeObiettivi.SchedeVocabulary;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>
/// Turns the rows the reader closes into objectives and KPIs: a KPI table row is a KPI of the current objective; a
/// card row sets what its label names (a strategic or operational objective, a programme, an organisational unit, a
/// KPI and its name, baseline, algorithm, target, weight, type, source, owner, frequency, unit).
/// </summary>
internal sealed class RowInterpreter(SchedeDrafts drafts, SchedeValues values, Func<int, LayoutLine> firstLineOfPage, List<string> warnings)
{
    public void TableRow(KpiTableRow row)
    {
        if (!row.Cells.TryGetValue(KpiColumn.Name, out var names)) return;
        if (drafts.TableObjective is not { } objective)
        {
            warnings.Add($"page {row.Page}: KPI table row outside any objective: {string.Join(' ', names)}");
            return;
        }
        var (name, type) = SplitType(TextKey.Clean(string.Join(' ', names)));
        if (name.Length == 0) return;
        var kpi = drafts.NewKpi(objective);
        kpi.Name = name;
        kpi.KpiType = type;
        kpi.Weight = row.Text(KpiColumn.Weight) is { } w ? ItalianNumber.Parse(w)?.Value : null;
        kpi.Unit = row.Text(KpiColumn.Unit);
        kpi.SourceSystem = row.Text(KpiColumn.Source);
        kpi.Algorithm = row.Text(KpiColumn.Algorithm);
        kpi.Box.Add(row.Box);
        var targetText = row.Cells.TryGetValue(KpiColumn.Target, out var t) ? JoinTargetLines(t) : "";
        if (row.Text(KpiColumn.Baseline) is { } baseline) kpi.Baseline = Number(baseline);
        if (LeadingBaseline(targetText) is { } lead) kpi.Baseline ??= Number(lead);
        values.AddTargets(kpi, targetText, row.TargetBox.ToSource() ?? row.Box.ToSource());
    }

    public void CardRow(CardRow row)
    {
        var labelText = TextKey.Clean(string.Join(' ', row.Label));
        var key = TextKey.Normalize(labelText);
        var value = TextKey.Clean(string.Join(' ', row.Value));
        if (key.StartsWith("obiettivo", StringComparison.Ordinal))
        {
            if (key.Contains("strategic", StringComparison.Ordinal)) CardStrategic(labelText, value, row);
            else if (key.Contains("operativ", StringComparison.Ordinal)) CardOperational(labelText, value, row);
            return;
        }
        if (key.StartsWith("programma", StringComparison.Ordinal))
        {
            drafts.PendingProgramme = BudgetCode(value);
            if (drafts.Operational is { Programme: null } operational) operational.Programme = drafts.PendingProgramme;
            return;
        }
        if (key.StartsWith("area organizzativa", StringComparison.Ordinal) || key.StartsWith("centro di", StringComparison.Ordinal))
        {
            if (drafts.Operational is { } operational && value.Length > 0 && !operational.OrgUnits.Contains(value)) operational.OrgUnits.Add(value);
            return;
        }
        if (key.StartsWith("kpi", StringComparison.Ordinal))
        {
            var kpi = NewCardKpi(row);
            var code = KpiCode().Match(labelText);
            kpi.Code = code.Success ? code.Value.Trim() : null;
            kpi.Heading = NullIfEmpty(value);
            return;
        }
        if (key.StartsWith("nome indicatore", StringComparison.Ordinal) || key.StartsWith("denominazione", StringComparison.Ordinal) || key == "indicatore")
        {
            var kpi = drafts.CardKpi is null || drafts.CardKpi.Name is not null ? NewCardKpi(row) : drafts.CardKpi;
            var (name, type) = SplitType(value);
            kpi.Name = NullIfEmpty(name);
            kpi.KpiType ??= type;
            kpi.Box.Add(row.Box);
            return;
        }
        if (drafts.CardKpi is not { } current) return;
        current.Box.Add(row.Box);
        KpiField(current, key, labelText, value, row);
    }

    private void KpiField(KpiDraft current, string key, string labelText, string value, CardRow row)
    {
        if (key.StartsWith("baseline", StringComparison.Ordinal) || key.StartsWith("valore di partenza", StringComparison.Ordinal))
        {
            if (value.Length > 0 && current.Baseline is null) current.Baseline = Number(value);
        }
        else if (key.StartsWith("algoritmo", StringComparison.Ordinal) || key.StartsWith("formula", StringComparison.Ordinal))
            current.Algorithm ??= NullIfEmpty(value);
        else if (key.StartsWith("target", StringComparison.Ordinal))
        {
            var yearInLabel = Year().Match(labelText);
            var period = yearInLabel.Success ? yearInLabel.Value : values.DefaultYear;
            values.AddTargets(current, JoinTargetLines(row.Value), row.ValueBox.ToSource() ?? row.Box.ToSource(), period);
        }
        else if (key.StartsWith("peso", StringComparison.Ordinal))
            current.Weight ??= ItalianNumber.Parse(value)?.Value;
        else if (key.StartsWith("tipologia", StringComparison.Ordinal))
            current.KpiType = NullIfEmpty(value.ToLowerInvariant()) ?? current.KpiType;
        else if (key.StartsWith("fonte", StringComparison.Ordinal))
            current.SourceSystem ??= NullIfEmpty(value);
        else if (key.StartsWith("responsabile", StringComparison.Ordinal))
            current.Responsible ??= NullIfEmpty(value);
        else if (key.StartsWith("frequenza", StringComparison.Ordinal))
            current.Frequency ??= NullIfEmpty(value);
        else if (key.StartsWith("unita di misura", StringComparison.Ordinal))
            current.Unit ??= NullIfEmpty(value);
    }

    private void CardStrategic(string label, string value, CardRow row)
    {
        var code = ObjectiveCode().Matches(label).LastOrDefault()?.Value ?? ObjectiveCode().Match(value).Value;
        drafts.Operational = null;
        drafts.CardKpi = null;
        drafts.Pending.Clear();
        drafts.PendingMission = BudgetCode(value);
        drafts.PendingProgramme = null;
        if (code.Length == 0)
        {
            drafts.CardStrategic = drafts.Strategic;
            return;
        }
        drafts.CardStrategic = drafts.Find("strategic", code);
        if (drafts.CardStrategic is null)
        {
            drafts.CardStrategic = drafts.NewObjective("strategic", code.TrimEnd('.'), value.Length > 0 ? value : code, drafts.Area, firstLineOfPage(row.Page));
            drafts.CardStrategic.Box.Add(row.Box);
        }
    }

    private void CardOperational(string label, string value, CardRow row)
    {
        var m = OperationalCode().Match(label);
        var title = value;
        if (!m.Success)
        {
            m = OperationalCode().Match(value);
            if (m.Success && m.Index == 0) title = TextKey.Clean(value[m.Length..]);
        }
        var code = m.Success ? TextKey.Clean(m.Value).TrimEnd('.', ' ') : null;
        var parent = drafts.CardStrategic ?? drafts.Strategic;
        if (code is not null && parent?.Code is not null)
        {
            // an operational code that names another strategic objective wins over the card position
            var parentCode = string.Join('.', CodeKey(code).Split('.').SkipLast(1));
            if (parentCode.Length > 0 && parentCode != CodeKey(parent.Code) && drafts.Find("strategic", parentCode) is { } other) parent = other;
        }
        var o = drafts.Add("operational", code, title, parent, drafts.PendingMission, drafts.PendingProgramme);
        o.Box.Add(row.Box);
        drafts.Operational = o;
        drafts.CardKpi = null;
        drafts.Pending.Clear();
    }

    private KpiDraft NewCardKpi(CardRow row)
    {
        var objective = drafts.Operational ?? drafts.CardStrategic ?? drafts.Strategic ?? drafts.Area;
        if (objective is null)
        {
            objective = drafts.NewObjective("operational", null, "", null, firstLineOfPage(row.Page));
            drafts.Operational = objective;
        }
        var kpi = drafts.NewKpi(objective);
        kpi.Box.Add(row.Box);
        drafts.CardKpi = kpi;
        return kpi;
    }
}
