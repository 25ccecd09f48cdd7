#!/usr/bin/env bash
# Deploys the Lunora Live stacks of one environment in dependency order:
#   base -> data -> auth -> media -> services -> frontends
# Usage: infra/deploy.sh <dev|staging|prod> [stack ...]   (default: all, in that order)
# Parameters come from infra/cloudformation/parameters/<env>/<stack>.json (replace every CHANGE-ME
# first); the data stack's KMS key is read from the base stack's export. Needs the AWS CLI v2 and jq.
set -euo pipefail

env="${1:?usage: deploy.sh <dev|staging|prod> [stack ...]}"
shift
case "$env" in dev|staging|prod) ;; *) echo "unknown environment: $env" >&2; exit 2 ;; esac
stacks=("$@")
[ ${#stacks[@]} -gt 0 ] || stacks=(base data auth media services frontends)

here="$(cd "$(dirname "$0")" && pwd)"
templates="$here/cloudformation"
params="$templates/parameters/$env"

for s in "${stacks[@]}"; do
  if grep -q 'CHANGE-ME' "$params/$s.json" 2>/dev/null; then
    echo "$params/$s.json still has CHANGE-ME values" >&2; exit 2
  fi
done

overrides() { jq -r '.[] | "\(.ParameterKey)=\(.ParameterValue)"' "$1"; }
export_value() {
  aws cloudformation list-exports --query "Exports[?Name=='$1'].Value" --output text
}
organization() { jq -r '.[] | select(.ParameterKey=="OrganizationId") | .ParameterValue' "$params/$1.json"; }

for s in "${stacks[@]}"; do
  case "$s" in
    base)      name="lunora-$env-base-infrastructure" ;;
    data)      name="lunora-$env-data" ;;
    auth)      name="lunora-$env-authentication" ;;
    media)     name="lunora-$(organization media)-$env-media-services" ;;
    services)  name="lunora-$env-services" ;;
    frontends) name="lunora-$env-frontend-apps" ;;
    *) echo "unknown stack: $s" >&2; exit 2 ;;
  esac
  mapfile -t args < <(overrides "$params/$s.json")
  if [ "$s" = data ]; then
    args+=("KmsKeyArn=$(export_value "lunora-$env-KmsKeyArn")")
  fi
  echo "deploying $name"
  aws cloudformation deploy --stack-name "$name" --template-file "$templates/$s.yaml" \
    --parameter-overrides "${args[@]}" --capabilities CAPABILITY_NAMED_IAM \
    --tags "lunora:environment=$env" --no-fail-on-empty-changeset
done
