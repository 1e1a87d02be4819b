from ninja import NinjaAPI

api = NinjaAPI(title="coffeechat API", version="1", docs_url="/docs")
