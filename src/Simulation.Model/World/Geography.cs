namespace Simulation.Model.World;

/// <summary>
/// How far a buyer is from a vendor's home state, for the distance term of vendor choice (docs/model.md "Vendor
/// choice"): trade falls with distance (the gravity model; Disdier &amp; Head 2008), and so do the sales offices,
/// integrator partners and after-sales service a surveillance contract needs.
/// </summary>
public static class Geography
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>
    /// Below this the coordinates (approximate centres of countries, countries.csv) say nothing about the cost of
    /// doing business, so a buyer at home and its near neighbours count as this far (assumption).
    /// </summary>
    public const double NearKm = 500.0;

    /// <summary>Great-circle distance in km between two countries' centres (haversine).</summary>
    public static double DistanceKm(CountryProfile a, CountryProfile b)
    {
        static double Rad(double deg) => deg * Math.PI / 180.0;
        var dLat = Rad(b.Lat - a.Lat);
        var dLon = Rad(b.Lon - a.Lon);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>ln(distance / 1,000 km), the distance at least <see cref="NearKm"/>: the unit of the choice's distance weight.</summary>
    public static double LogDistance(CountryProfile buyer, CountryProfile home) =>
        Math.Log(Math.Max(NearKm, DistanceKm(buyer, home)) / 1000.0);
}
