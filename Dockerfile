# syntax=docker/dockerfile:1
#
# SnowOps: one image for every module. Which modules a container runs is
# chosen at run time with SnowOps__Modules (see k8s/).
#
#   docker build -t snowops:dev .
#   docker run --rm -p 8080:8080 -e SnowOps__Modules=Weather snowops:dev

# ---- build ------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG BUILD_CONFIGURATION=Release
WORKDIR /source

# Repo-wide build settings first (central package versions, SDK pin, analyzer
# config). The bracketed names are optional files: copied if present.
COPY global.json Directory.Build.props Directory.Packages.props \
     [Nn]u[Gg]et.[Cc]onfig .editorconfi[g] ./
COPY src/ src/

# The NuGet cache survives between builds (BuildKit cache mount), so the
# restore stays cheap even though any source change invalidates this layer.
RUN --mount=type=cache,id=snowops-nuget,target=/root/.nuget/packages \
    dotnet restore src/SnowOps.Host/SnowOps.Host.csproj

RUN --mount=type=cache,id=snowops-nuget,target=/root/.nuget/packages \
    dotnet publish src/SnowOps.Host/SnowOps.Host.csproj \
        --configuration "$BUILD_CONFIGURATION" \
        --no-restore \
        --output /app \
        -p:UseAppHost=false

# ---- runtime ----------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app

ENV Urls=http://+:8080
EXPOSE 8080

# Owned by root, run as the image's non-root `app` user: the app cannot
# rewrite its own binaries (and Kubernetes mounts the root read-only anyway).
COPY --from=build /app ./

USER $APP_UID
ENTRYPOINT ["dotnet", "SnowOps.Host.dll"]
