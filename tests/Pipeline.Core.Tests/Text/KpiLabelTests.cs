using Pipeline.Core.Text;

namespace Pipeline.Core.Tests.Text;

/// <summary>A KPI card's label and value, on the forms the corpus's PIRA renderings print.</summary>
public sealed class KpiLabelTests
{
    [Theory]
    [InlineData("KPI", "Customer Satisfaction", null, "Customer Satisfaction")]
    [InlineData("KPISTD 135", "Incidenza dei costi strutturali", "KPISTD 135", "Incidenza dei costi strutturali")]
    [InlineData("KPISTD 76 (Qualità/accessibilità multicanale)", "Servizi offerti online", "KPISTD 76", "Servizi offerti online")]
    [InlineData("KPISTD 166 (Qualità/tempestività)", "", "KPISTD 166", "Qualità/tempestività")] // no value: the qualifier names it
    [InlineData("INDICATORE", "KPISTD 166 (Qualità/tempestività)", "KPISTD 166", "Qualità/tempestività")]
    [InlineData("INDICATORE", "Customer Satisfaction", null, "Customer Satisfaction")]
    [InlineData("KPI", "Livello di erogazione delle risorse (Organismi esterni)", null, "Livello di erogazione delle risorse (Organismi esterni)")]
    public void A_kpi_takes_its_code_from_the_label_and_its_name_from_the_value(string label, string value, string? code, string name) =>
        Assert.Equal((code, name), KpiLabel.CodeAndName(label, value));

    [Theory]
    [InlineData("KPISTD 166 (Qualità/tempestività)", "KPISTD 166")]
    [InlineData("KPI 12 Tempi medi", "KPI 12")]
    [InlineData("KPI", "")]
    [InlineData("Indicatore di tempestività", "")]
    public void A_code_is_kpi_and_a_number(string text, string code) => Assert.Equal(code, KpiLabel.Code(text).Value);
}
