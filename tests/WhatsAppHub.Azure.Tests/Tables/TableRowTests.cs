using System.Text;
using System.Text.Json;
using WhatsAppHub.Azure.Tables;

namespace WhatsAppHub.Azure.Tests.Tables;

public class TableRowTests
{
    [Fact]
    public void Serialization_annotates_the_types_json_cannot_carry()
    {
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        var row = new TableRow("p", "r")
            .Set("S", "s").Set("I", 7).Set("L", 9_007_199_254_740_993L).Set("D", 2.0).Set("B", true)
            .Set("T", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)).AddTicks(6))
            .Set("G", id).Set("X", new byte[] { 1, 2, 3 }).Set("Null", null);

        using var json = JsonDocument.Parse(TableRowJson.Serialize(row));
        JsonElement e = json.RootElement;
        Assert.Equal("p", e.GetProperty("PartitionKey").GetString());
        Assert.Equal("r", e.GetProperty("RowKey").GetString());
        Assert.Equal("s", e.GetProperty("S").GetString());
        Assert.False(e.TryGetProperty("S@odata.type", out _));
        Assert.Equal(7, e.GetProperty("I").GetInt32());
        Assert.False(e.TryGetProperty("I@odata.type", out _));
        Assert.Equal("9007199254740993", e.GetProperty("L").GetString());
        Assert.Equal("Edm.Int64", e.GetProperty("L@odata.type").GetString());
        Assert.Equal(2.0, e.GetProperty("D").GetDouble());
        Assert.Equal("Edm.Double", e.GetProperty("D@odata.type").GetString());
        Assert.True(e.GetProperty("B").GetBoolean());
        Assert.Equal("2024-01-02T02:04:05.0000006Z", e.GetProperty("T").GetString());
        Assert.Equal("Edm.DateTime", e.GetProperty("T@odata.type").GetString());
        Assert.Equal("6f9619ff-8b86-d011-b42d-00cf4fc964ff", e.GetProperty("G").GetString());
        Assert.Equal("Edm.Guid", e.GetProperty("G@odata.type").GetString());
        Assert.Equal("AQID", e.GetProperty("X").GetString());
        Assert.Equal("Edm.Binary", e.GetProperty("X@odata.type").GetString());
        Assert.False(e.TryGetProperty("Null", out _));
    }

    [Fact]
    public void Reading_uses_annotations_and_infers_the_rest()
    {
        string json = """
        {"odata.etag":"W/\"datetime'2024-01-01T00%3A00%3A00Z'\"","PartitionKey":"p","RowKey":"r",
         "Timestamp@odata.type":"Edm.DateTime","Timestamp":"2024-01-01T00:00:00.1234567Z",
         "I":5,"D":2.5,"W":3.0,"L@odata.type":"Edm.Int64","L":"-12","G@odata.type":"Edm.Guid","G":"6f9619ff-8b86-d011-b42d-00cf4fc964ff",
         "X@odata.type":"Edm.Binary","X":"AQID","T@odata.type":"Edm.DateTime","T":"2001-02-03T04:05:06Z","S":"s","B":false,
         "N@odata.type":"Edm.Double","N":"NaN"}
        """;
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
        TableRow row = TableRowJson.Read(document.RootElement);

        Assert.Equal("W/\"datetime'2024-01-01T00%3A00%3A00Z'\"", row.ETag);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567), row.Timestamp);
        Assert.IsType<int>(row["I"]);
        Assert.IsType<double>(row["D"]);
        Assert.IsType<double>(row["W"]);
        Assert.Equal(-12L, row["L"]);
        Assert.IsType<Guid>(row["G"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, row["X"]);
        Assert.Equal(new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero), row["T"]);
        Assert.Equal("s", row["S"]);
        Assert.Equal(false, row["B"]);
        Assert.True(double.IsNaN(row.GetDouble("N")!.Value));
        Assert.Equal(["I", "D", "W", "L", "G", "X", "T", "S", "B", "N"], row.Names);
    }

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("Timestamp")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("has.dot")]
    [InlineData("")]
    public void Invalid_property_names_are_refused(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new TableRow("p", "r").Set(name, 1));
    }

    [Fact]
    public void Unsupported_value_types_are_refused_naming_the_property()
    {
        var exception = Assert.Throws<ArgumentException>(() => new TableRow("p", "r").Set("Price", 1.5m));
        Assert.Contains("'Price'", exception.Message);
    }

    [Fact]
    public void DateTime_values_become_utc_instants()
    {
        var row = new TableRow("p", "r")
            .Set("Utc", new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc))
            .Set("Unspecified", new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Unspecified));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero), row.GetDateTimeOffset("Utc"));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero), row.GetDateTimeOffset("Unspecified"));
    }

    [Fact]
    public void Entity_size_follows_the_documented_estimate()
    {
        var row = new TableRow("ab", "c").Set("S", "xyz").Set("B", new byte[10]).Set("I", 1).Set("G", Guid.Empty).Set("F", true);
        long expected = 4 + (2 * 2) + (1 * 2)
            + (8 + 2 + 4 + 6)   // S: string of 3
            + (8 + 2 + 4 + 10)  // B: 10 bytes
            + (8 + 2 + 4)       // I
            + (8 + 2 + 16)      // G
            + (8 + 2 + 1);      // F
        Assert.Equal(expected, TableRowLimits.EstimateSize(row));
    }

    [Fact]
    public void Old_dates_are_refused()
    {
        var row = new TableRow("p", "r").Set("When", new DateTimeOffset(1600, 12, 31, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("When", Assert.Throws<TableRowValidationException>(() => TableRowLimits.Validate(row)).PropertyName);
    }
}
