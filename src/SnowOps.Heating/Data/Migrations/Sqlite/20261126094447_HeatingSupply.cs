using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HeatingSupply : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forecast_issues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Issued = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false),
                    Received = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forecast_issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supply_advice",
                columns: table => new
                {
                    StationId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CompanyId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false),
                    OutdoorCelsius = table.Column<double>(type: "REAL", nullable: false),
                    CurveCelsius = table.Column<double>(type: "REAL", nullable: false),
                    OffsetCelsius = table.Column<double>(type: "REAL", nullable: false),
                    RaiseCelsius = table.Column<double>(type: "REAL", nullable: false),
                    RaiseSnowEventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CapCelsius = table.Column<double>(type: "REAL", nullable: false),
                    Capped = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupplyCelsius = table.Column<double>(type: "REAL", nullable: false),
                    Advised = table.Column<long>(type: "INTEGER", nullable: false),
                    Confirmed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supply_advice", x => x.StationId);
                });

            migrationBuilder.CreateTable(
                name: "supply_raises",
                columns: table => new
                {
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaiseCelsius = table.Column<double>(type: "REAL", nullable: false),
                    Requested = table.Column<long>(type: "INTEGER", nullable: false),
                    Ended = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supply_raises", x => x.SnowEventId);
                });

            migrationBuilder.CreateTable(
                name: "forecast_points",
                columns: table => new
                {
                    IssueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Celsius = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forecast_points", x => new { x.IssueId, x.At });
                    table.ForeignKey(
                        name: "FK_forecast_points_forecast_issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "forecast_issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_forecast_issues_Source_Zone_Issued",
                table: "forecast_issues",
                columns: new[] { "Source", "Zone", "Issued" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forecast_issues_Zone_Until",
                table: "forecast_issues",
                columns: new[] { "Zone", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_supply_advice_CompanyId",
                table: "supply_advice",
                column: "CompanyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forecast_points");

            migrationBuilder.DropTable(
                name: "supply_advice");

            migrationBuilder.DropTable(
                name: "supply_raises");

            migrationBuilder.DropTable(
                name: "forecast_issues");
        }
    }
}
