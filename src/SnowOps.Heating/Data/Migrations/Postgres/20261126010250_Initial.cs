using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "heating");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "readings",
                schema: "heating",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    CompoundId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Readings = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    AverageCelsius = table.Column<double>(type: "double precision", nullable: false),
                    BelowStandard = table.Column<bool>(type: "boolean", nullable: false),
                    InspectorId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Measured = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_readings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_readings_CompoundId_Measured",
                schema: "heating",
                table: "readings",
                columns: new[] { "CompoundId", "Measured" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "readings",
                schema: "heating");
        }
    }
}
