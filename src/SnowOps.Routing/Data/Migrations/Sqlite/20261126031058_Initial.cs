using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Routing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "road_segments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Highway = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PriorityClass = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    NeedsDeIcing = table.Column<bool>(type: "INTEGER", nullable: false),
                    Geometry = table.Column<string>(type: "TEXT", nullable: false),
                    LengthMeters = table.Column<double>(type: "REAL", nullable: false),
                    FromNode = table.Column<long>(type: "INTEGER", nullable: false),
                    ToNode = table.Column<long>(type: "INTEGER", nullable: false),
                    OneWay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Passes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_road_segments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "routes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Vehicle = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PriorityClass = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    LengthMeters = table.Column<double>(type: "REAL", nullable: false),
                    Geometry = table.Column<string>(type: "TEXT", nullable: false),
                    Streets = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_road_segments_PriorityClass",
                table: "road_segments",
                column: "PriorityClass");

            migrationBuilder.CreateIndex(
                name: "IX_routes_SnowEventId_Vehicle",
                table: "routes",
                columns: new[] { "SnowEventId", "Vehicle" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "road_segments");

            migrationBuilder.DropTable(
                name: "routes");
        }
    }
}
