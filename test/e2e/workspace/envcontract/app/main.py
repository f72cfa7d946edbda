import os

api_token = os.environ["API_TOKEN"]
bucket = os.environ["REPORT_BUCKET"]
