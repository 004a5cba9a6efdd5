using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "readings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompoundId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Readings = table.Column<string>(type: "TEXT", nullable: false),
                    AverageCelsius = table.Column<double>(type: "REAL", nullable: false),
                    BelowStandard = table.Column<bool>(type: "INTEGER", nullable: false),
                    InspectorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Measured = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_readings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_readings_CompoundId_Measured",
                table: "readings",
                columns: new[] { "CompoundId", "Measured" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "readings");
        }
    }
}
