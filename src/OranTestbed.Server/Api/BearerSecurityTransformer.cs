using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OranTestbed.Server.Api;

/// <summary>Declares the bearer-token scheme in the OpenAPI document and requires it everywhere (every endpoint of the
/// API needs a token).</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "OranTestbed results API";
        document.Info.Description = "Upload and read O-RAN interoperability results. Authenticate with 'Authorization: Bearer TOKEN' "
            + "(tokens from 'oran-testbed accounts add'). Errors are RFC 7807 problem+json with JSON pointers.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An account's API token (otb_…)",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
