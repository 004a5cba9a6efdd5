using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Status.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertProjected : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Projected",
                schema: "status",
                table: "alerts",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Projected",
                schema: "status",
                table: "alerts");
        }
    }
}
