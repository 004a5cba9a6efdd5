using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HeatingSupply : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forecast_issues",
                schema: "heating",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Zone = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Issued = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Received = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forecast_issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supply_advice",
                schema: "heating",
                columns: table => new
                {
                    StationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CompanyId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OutdoorCelsius = table.Column<double>(type: "double precision", nullable: false),
                    CurveCelsius = table.Column<double>(type: "double precision", nullable: false),
                    OffsetCelsius = table.Column<double>(type: "double precision", nullable: false),
                    RaiseCelsius = table.Column<double>(type: "double precision", nullable: false),
                    RaiseSnowEventId = table.Column<Guid>(type: "uuid", nullable: true),
                    CapCelsius = table.Column<double>(type: "double precision", nullable: false),
                    Capped = table.Column<bool>(type: "boolean", nullable: false),
                    SupplyCelsius = table.Column<double>(type: "double precision", nullable: false),
                    Advised = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Confirmed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supply_advice", x => x.StationId);
                });

            migrationBuilder.CreateTable(
                name: "supply_raises",
                schema: "heating",
                columns: table => new
                {
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaiseCelsius = table.Column<double>(type: "double precision", nullable: false),
                    Requested = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Ended = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supply_raises", x => x.SnowEventId);
                });

            migrationBuilder.CreateTable(
                name: "forecast_points",
                schema: "heating",
                columns: table => new
                {
                    IssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Celsius = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forecast_points", x => new { x.IssueId, x.At });
                    table.ForeignKey(
                        name: "FK_forecast_points_forecast_issues_IssueId",
                        column: x => x.IssueId,
                        principalSchema: "heating",
                        principalTable: "forecast_issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_forecast_issues_Source_Zone_Issued",
                schema: "heating",
                table: "forecast_issues",
                columns: new[] { "Source", "Zone", "Issued" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forecast_issues_Zone_Until",
                schema: "heating",
                table: "forecast_issues",
                columns: new[] { "Zone", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_supply_advice_CompanyId",
                schema: "heating",
                table: "supply_advice",
                column: "CompanyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forecast_points",
                schema: "heating");

            migrationBuilder.DropTable(
                name: "supply_advice",
                schema: "heating");

            migrationBuilder.DropTable(
                name: "supply_raises",
                schema: "heating");

            migrationBuilder.DropTable(
                name: "forecast_issues",
                schema: "heating");
        }
    }
}
