using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Web.Queries;

/// <summary>The query classes of the pages and the API, one per page; each takes the user's scope on every call.</summary>
public static class WebQueries
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<RegionOverview>();
        services.AddSingleton<ChamberYear>();
        services.AddSingleton<KpiDetail>();
        services.AddSingleton<SourceView>();
        services.AddSingleton<OriginalFiles>();
        services.AddSingleton<DocumentList>();
        services.AddSingleton<AlertList>();
        services.AddSingleton<RunList>();
        services.AddSingleton<SchedulerBoard>();
        services.AddSingleton<ComparisonView>();
    }
}
