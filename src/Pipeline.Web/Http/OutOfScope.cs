using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pipeline.Core.Access;

namespace Pipeline.Web.Http;

/// <summary>
/// A query refused a chamber outside the user's scope (<see cref="ChamberScope.Require"/>): the answer is 403, for a
/// page, an API call or an archived file alike, whatever the page had started to read.
/// </summary>
public static class OutOfScope
{
    public static IApplicationBuilder UseOutOfScopeAsForbidden(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next();
        }
        catch (OutOfScopeException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    });
}
