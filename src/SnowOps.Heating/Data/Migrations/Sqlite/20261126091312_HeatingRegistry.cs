using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HeatingRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "companies",
                columns: table => new
                {
                    CompanyId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Inspectors = table.Column<int>(type: "INTEGER", nullable: false),
                    ChecksPerInspectorPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_companies", x => x.CompanyId);
                });

            migrationBuilder.CreateTable(
                name: "compounds",
                columns: table => new
                {
                    CompoundId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CompanyId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Geometry = table.Column<string>(type: "TEXT", nullable: true),
                    BuiltYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    ColdSpots = table.Column<int>(type: "INTEGER", nullable: false),
                    ColdArea = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastReadingCelsius = table.Column<double>(type: "REAL", nullable: true),
                    LastReadingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MonitoredSince = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckEveryHours = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compounds", x => x.CompoundId);
                });

            migrationBuilder.CreateTable(
                name: "stations",
                columns: table => new
                {
                    StationId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CompanyId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Location = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stations", x => x.StationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_compounds_CompanyId",
                table: "compounds",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_compounds_StationId",
                table: "compounds",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_stations_CompanyId",
                table: "stations",
                column: "CompanyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "companies");

            migrationBuilder.DropTable(
                name: "compounds");

            migrationBuilder.DropTable(
                name: "stations");
        }
    }
}
