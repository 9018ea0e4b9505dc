using Simulation.Model.Time;

namespace Simulation.Model.World;

/// <summary>The static profile of a surveillance vendor (scenarios/world/vendors.json; sources in VENDORS.md).</summary>
/// <param name="Fringe">The competitive fringe of its home state: the many smaller firms and integrators not modelled
/// one by one, with capacity that never binds, and no learning of its own (none of those firms accumulates a national
/// champion's experience). It absorbs the demand a ban or a full order book re-routes (docs/model.md §3.8).</param>
/// <param name="DataExposure">How much of the buyer's data the product puts within the vendor's (and so its home
/// state's) reach, 0..1: 1 for a platform the vendor builds and operates, less for hardware a local integrator installs
/// and runs. It scales the privacy and rivalry penalties of data access (docs/model.md §3.7; VENDORS.md).</param>
/// <param name="PlatformModules">The vendor sells facial recognition and smart policing as modules of its safe-city
/// platform: a country that buys a module from it without holding its platform gets the platform in the same deal
/// (Huawei, CSIS19: its "Safe City" label covers facial and licence-plate recognition; docs/model.md §3.11).</param>
public sealed record VendorProfile(
    string Id,
    string Name,
    string Home,
    YearMonth Entry,
    IReadOnlyList<Capability> Capabilities,
    IReadOnlyDictionary<Capability, double> Quality,
    double Price,
    double CapacityPerYear,
    double UsComponentDependence,
    bool HomeCompelsDataAccess,
    bool Fringe = false,
    double DataExposure = 1.0,
    bool PlatformModules = false)
{
    public bool Offers(Capability c) => Quality.ContainsKey(c);
}

/// <summary>A home state's exogenous domestic build-out, in coverage units per year, interpolated linearly by year.</summary>
public sealed record HomeMarket(string Home, IReadOnlyList<MarketPoint> Points)
{
    public double UnitsPerYear(double year)
    {
        if (Points.Count == 0) return 0;
        if (year <= Points[0].Year) return Points[0].Units;
        for (var i = 1; i < Points.Count; i++)
        {
            var (y1, u1) = Points[i];
            if (year <= y1)
            {
                var (y0, u0) = Points[i - 1];
                return u0 + (u1 - u0) * (year - y0) / (y1 - y0);
            }
        }
        return Points[^1].Units;
    }
}

/// <summary>Domestic build-out in one year, coverage units (1 ≈ one country's national rollout).</summary>
public sealed record MarketPoint(int Year, double Units);
