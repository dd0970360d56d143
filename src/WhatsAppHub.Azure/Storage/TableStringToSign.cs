using Azure.Core;

namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// The SharedKey string-to-sign of the Table service (the same for every version since 2009-09-19):
/// <c>VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedResource</c>, where Date is the
/// <c>x-ms-date</c> value when no <c>Date</c> header is sent, and the resource is
/// <c>/{account}{encoded path}</c> plus <c>?comp=</c> when a comp parameter is present (no other query).
/// </summary>
/// <remarks>
/// With path-style endpoints (Azurite, IP addresses) the path already holds the account, so the
/// resource reads <c>/devstoreaccount1/devstoreaccount1/Tables</c>; Azurite checks exactly that.
/// The path is the percent-encoded one that goes on the wire (Azurite signs <c>req.path</c> raw).
/// Not SharedKeyLite: Azurite's queue service refuses Lite, and one scheme for both services keeps
/// the code and its tests in one shape.
/// </remarks>
internal static class TableStringToSign
{
    public static string Build(Request request, string accountName)
    {
        Uri uri = request.Uri.ToUri();
        string date = SharedKeyHeaders.Get(request, "Date") is { Length: > 0 } d ? d : SharedKeyHeaders.Get(request, "x-ms-date");
        string resource = "/" + accountName + uri.AbsolutePath;
        string? comp = SharedKeyHeaders.QueryParameters(uri).FirstOrDefault(p => p.Name == "comp").Value;
        if (comp is not null)
        {
            resource += "?comp=" + comp;
        }

        return string.Join('\n',
            request.Method.Method.ToUpperInvariant(),
            SharedKeyHeaders.Get(request, "Content-MD5"),
            SharedKeyHeaders.Get(request, "Content-Type"),
            date,
            resource);
    }
}
