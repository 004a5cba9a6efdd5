using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SnowOps.Routing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoadNetworkFromOsm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "Id",
                schema: "routing",
                table: "road_segments",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<bool>(
                name: "Bridge",
                schema: "routing",
                table: "road_segments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "EmergencyAccess",
                schema: "routing",
                table: "road_segments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PassesBackward",
                schema: "routing",
                table: "road_segments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Slope",
                schema: "routing",
                table: "road_segments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "WayId",
                schema: "routing",
                table: "road_segments",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_road_segments_Geometry",
                schema: "routing",
                table: "road_segments",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_road_segments_Geometry",
                schema: "routing",
                table: "road_segments");

            migrationBuilder.DropColumn(
                name: "Bridge",
                schema: "routing",
                table: "road_segments");

            migrationBuilder.DropColumn(
                name: "EmergencyAccess",
                schema: "routing",
                table: "road_segments");

            migrationBuilder.DropColumn(
                name: "PassesBackward",
                schema: "routing",
                table: "road_segments");

            migrationBuilder.DropColumn(
                name: "Slope",
                schema: "routing",
                table: "road_segments");

            migrationBuilder.DropColumn(
                name: "WayId",
                schema: "routing",
                table: "road_segments");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                schema: "routing",
                table: "road_segments",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }
    }
}
