#!/bin/bash
# LocalStack ready hook: the environment's KMS key, as the base stack creates it on AWS, under the
# alias the services' secret store names (LUNORA_COMPOSE_KMS_KEY_ID in docker/localstack.env).
set -euo pipefail
if ! awslocal kms describe-key --key-id alias/lunora-local >/dev/null 2>&1; then
  key_id=$(awslocal kms create-key --description "lunora local environment key" --query KeyMetadata.KeyId --output text)
  awslocal kms create-alias --alias-name alias/lunora-local --target-key-id "$key_id"
fi
