using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Media;

/// <summary>Uploads and look-ups shared by the media tests.</summary>
public static class MediaSupport
{
    public static MultipartFormDataContent Form(byte[] file, string? contentType, string fileName = "file.bin", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        if (contentType is not null) part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(part, "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    /// <summary>Uploads a small PNG and returns the 201's body.</summary>
    public static async Task<JsonElement> UploadImageAsync(HubFixture fixture, byte[]? bytes = null)
    {
        using var response = await fixture.Hub.Http.PostAsync("/api/media", Form(bytes ?? RandomBytes(300), "image/png", "logo.png"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The EUM requests of one operation the sandbox received, oldest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> SandboxRequestsAsync(HubFixture fixture, string operation) =>
        (await fixture.Sandbox.Http.GetFromJsonAsync<JsonElement>($"/sandbox/requests?operation={operation}")).EnumerateArray().ToList();

    public static ITableStore MediaTable(HubFixture fixture) =>
        new TableService(StorageConnection.Parse(fixture.Azurite.ConnectionString)).GetTable(HubTables.Media);
}
